/*
 * The kernel's exported symbols: what a module may call or use. Each
 * EXPORT_SYMBOL puts { address, name, CRC } into __ksymtab, which
 * kernel/ksyms.c hashes at boot and /proc/ksyms lists. The CRC of each is
 * computed at build time from its declaration as this file sees it
 * (tools/symcrc, build/kernel-crcs.lds), so a module built against another
 * declaration is refused at load: "disagrees about version of symbol".
 * Keeping the list in one file makes the kernel's module API one page.
 */
#include <module.h>	/* every module-visible declaration (include/linux/) */
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/rwlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/chrdev.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/capability.h>
#include <linux/utsname.h>
#include <linux/semaphore.h>
#include <linux/tty.h>
#include <linux/tick.h>
#include <linux/ktime.h>
#include <linux/time.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched/signal.h>
#include <linux/workqueue.h>
#include <linux/preempt.h>
#include <linux/i8042.h>

/* printing */
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(vprintk);
EXPORT_SYMBOL(panic);

/* memory */
EXPORT_SYMBOL(kmalloc);
EXPORT_SYMBOL(kzalloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(vmalloc);
EXPORT_SYMBOL(vfree);
EXPORT_SYMBOL(page_alloc);
EXPORT_SYMBOL(page_free);
EXPORT_SYMBOL(page_address);

/* strings */
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strlcpy);
EXPORT_SYMBOL(snprintf);
EXPORT_SYMBOL(vsnprintf);
EXPORT_SYMBOL(strerror);

/* modules and devices */
EXPORT_SYMBOL(try_module_get);
EXPORT_SYMBOL(module_put);
EXPORT_SYMBOL(register_chrdev);
EXPORT_SYMBOL(unregister_chrdev);

/* time */
EXPORT_SYMBOL(jiffies);
EXPORT_SYMBOL(msleep);
EXPORT_SYMBOL(timer_setup);
EXPORT_SYMBOL(mod_timer);
EXPORT_SYMBOL(del_timer);
EXPORT_SYMBOL(del_timer_sync);

/* headers family (issue 8): Linux's memory, string and number helpers */
EXPORT_SYMBOL(kmalloc_array);
EXPORT_SYMBOL(kcalloc);
EXPORT_SYMBOL(krealloc);
EXPORT_SYMBOL(ksize);
EXPORT_SYMBOL(kstrdup);
EXPORT_SYMBOL(kstrndup);
EXPORT_SYMBOL(kmemdup);
EXPORT_SYMBOL(vzalloc);
EXPORT_SYMBOL(__get_free_pages);
EXPORT_SYMBOL(get_zeroed_page);
EXPORT_SYMBOL(free_pages);
EXPORT_SYMBOL(kmem_cache_create);
EXPORT_SYMBOL(kmem_cache_alloc);
EXPORT_SYMBOL(kmem_cache_free);
EXPORT_SYMBOL(kmem_cache_destroy);
EXPORT_SYMBOL(strrchr);
EXPORT_SYMBOL(strstr);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strscpy);
EXPORT_SYMBOL(sprintf);
EXPORT_SYMBOL(scnprintf);
EXPORT_SYMBOL(vscnprintf);
EXPORT_SYMBOL(kstrtoull);
EXPORT_SYMBOL(kstrtoll);
EXPORT_SYMBOL(kstrtoul);
EXPORT_SYMBOL(kstrtol);
EXPORT_SYMBOL(kstrtouint);
EXPORT_SYMBOL(kstrtoint);
EXPORT_SYMBOL(kstrtou16);
EXPORT_SYMBOL(kstrtos16);
EXPORT_SYMBOL(kstrtou8);
EXPORT_SYMBOL(kstrtos8);
EXPORT_SYMBOL(kstrtobool);

/* time, interrupts, synchronization (irqsync: <linux/jiffies.h>,
 * timer.h, delay.h, interrupt.h, spinlock.h, rwlock.h, mutex.h, wait.h;
 * atomics, bitops, irqflags and completions are inline) */
EXPORT_SYMBOL(add_timer);
EXPORT_SYMBOL(get_jiffies_64);
EXPORT_SYMBOL(udelay);
EXPORT_SYMBOL(ndelay);
EXPORT_SYMBOL(msleep_interruptible);
EXPORT_SYMBOL(request_irq);
EXPORT_SYMBOL(free_irq);
EXPORT_SYMBOL(disable_irq);
EXPORT_SYMBOL(disable_irq_nosync);
EXPORT_SYMBOL(enable_irq);
EXPORT_SYMBOL(spin_lock);
EXPORT_SYMBOL(spin_unlock);
EXPORT_SYMBOL(spin_trylock);
EXPORT_SYMBOL(_spin_lock_irqsave);
EXPORT_SYMBOL(spin_unlock_irqrestore);
EXPORT_SYMBOL(spin_lock_irq);
EXPORT_SYMBOL(spin_unlock_irq);
EXPORT_SYMBOL(read_lock);
EXPORT_SYMBOL(read_unlock);
EXPORT_SYMBOL(write_lock);
EXPORT_SYMBOL(write_unlock);
EXPORT_SYMBOL(read_trylock);
EXPORT_SYMBOL(write_trylock);
EXPORT_SYMBOL(_read_lock_irqsave);
EXPORT_SYMBOL(_write_lock_irqsave);
EXPORT_SYMBOL(read_unlock_irqrestore);
EXPORT_SYMBOL(write_unlock_irqrestore);
EXPORT_SYMBOL(mutex_lock);
EXPORT_SYMBOL(mutex_lock_interruptible);
EXPORT_SYMBOL(mutex_lock_killable);
EXPORT_SYMBOL(mutex_trylock);
EXPORT_SYMBOL(mutex_unlock);

/* ports, MMIO, PCI, DMA (the pci family: include/linux/{ioport,io,pci,
 * dma-mapping}.h) */
EXPORT_SYMBOL(ioport_resource);
EXPORT_SYMBOL(iomem_resource);
EXPORT_SYMBOL(__request_region);
EXPORT_SYMBOL(__release_region);
EXPORT_SYMBOL(__check_region);
EXPORT_SYMBOL(ioremap);
EXPORT_SYMBOL(iounmap);
EXPORT_SYMBOL(__pci_register_driver);
EXPORT_SYMBOL(pci_unregister_driver);
EXPORT_SYMBOL(pci_match_id);
EXPORT_SYMBOL(pci_get_device);
EXPORT_SYMBOL(pci_get_domain_bus_and_slot);
EXPORT_SYMBOL(pci_dev_get);
EXPORT_SYMBOL(pci_dev_put);
EXPORT_SYMBOL(pci_enable_device);
EXPORT_SYMBOL(pci_disable_device);
EXPORT_SYMBOL(pci_set_master);
EXPORT_SYMBOL(pci_clear_master);
EXPORT_SYMBOL(pci_request_region);
EXPORT_SYMBOL(pci_release_region);
EXPORT_SYMBOL(pci_request_regions);
EXPORT_SYMBOL(pci_release_regions);
EXPORT_SYMBOL(pci_iomap);
EXPORT_SYMBOL(pci_iounmap);
EXPORT_SYMBOL(pci_read_config_byte);
EXPORT_SYMBOL(pci_read_config_word);
EXPORT_SYMBOL(pci_read_config_dword);
EXPORT_SYMBOL(pci_write_config_byte);
EXPORT_SYMBOL(pci_write_config_word);
EXPORT_SYMBOL(pci_write_config_dword);
EXPORT_SYMBOL(dma_alloc_coherent);
EXPORT_SYMBOL(dma_free_coherent);
EXPORT_SYMBOL(dma_set_mask);
EXPORT_SYMBOL(dma_set_coherent_mask);

/* chardev family: /proc for modules, seq_file, device numbers, cdev, misc,
 * classes and devices, llseek methods (fs/procfs.c, fs/seq_file.c,
 * fs/chrdev.c) */
EXPORT_SYMBOL(proc_create);
EXPORT_SYMBOL(proc_create_data);
EXPORT_SYMBOL(proc_mkdir);
EXPORT_SYMBOL(proc_remove);
EXPORT_SYMBOL(remove_proc_entry);
EXPORT_SYMBOL(proc_set_size);
EXPORT_SYMBOL(proc_set_user);
EXPORT_SYMBOL(pde_data);
EXPORT_SYMBOL(seq_open);
EXPORT_SYMBOL(__seq_open_private);
EXPORT_SYMBOL(seq_open_private);
EXPORT_SYMBOL(seq_read);
EXPORT_SYMBOL(seq_lseek);
EXPORT_SYMBOL(seq_release);
EXPORT_SYMBOL(seq_release_private);
EXPORT_SYMBOL(seq_printf);
EXPORT_SYMBOL(seq_vprintf);
EXPORT_SYMBOL(seq_puts);
EXPORT_SYMBOL(seq_putc);
EXPORT_SYMBOL(seq_write);
EXPORT_SYMBOL(single_open);
EXPORT_SYMBOL(single_release);
EXPORT_SYMBOL(alloc_chrdev_region);
EXPORT_SYMBOL(register_chrdev_region);
EXPORT_SYMBOL(unregister_chrdev_region);
EXPORT_SYMBOL(cdev_init);
EXPORT_SYMBOL(cdev_alloc);
EXPORT_SYMBOL(cdev_add);
EXPORT_SYMBOL(cdev_del);
EXPORT_SYMBOL(misc_register);
EXPORT_SYMBOL(misc_deregister);
EXPORT_SYMBOL(class_create);
EXPORT_SYMBOL(class_destroy);
EXPORT_SYMBOL(device_create);
EXPORT_SYMBOL(device_destroy);
EXPORT_SYMBOL(default_llseek);
EXPORT_SYMBOL(noop_llseek);
EXPORT_SYMBOL(no_llseek);
EXPORT_SYMBOL(fixed_size_llseek);

/* ldd3 gaps: what LDD3's examples use beyond issue 8's list */
EXPORT_SYMBOL(get_current);
EXPORT_SYMBOL(capable);
EXPORT_SYMBOL(init_uts_ns);
EXPORT_SYMBOL(down);
EXPORT_SYMBOL(down_interruptible);
EXPORT_SYMBOL(down_killable);
EXPORT_SYMBOL(down_trylock);
EXPORT_SYMBOL(up);

/* scull: what LDD3's scull (pipe.c, access.c) needs */
EXPORT_SYMBOL(prepare_to_wait);
EXPORT_SYMBOL(finish_wait);
EXPORT_SYMBOL(schedule);
EXPORT_SYMBOL(schedule_timeout);
EXPORT_SYMBOL(schedule_timeout_interruptible);
EXPORT_SYMBOL(schedule_timeout_uninterruptible);
EXPORT_SYMBOL(schedule_timeout_killable);
EXPORT_SYMBOL(wake_up_process);
EXPORT_SYMBOL(_cond_resched);
EXPORT_SYMBOL(yield);
EXPORT_SYMBOL(get_task_struct);
EXPORT_SYMBOL(put_task_struct);
EXPORT_SYMBOL(send_sig);
EXPORT_SYMBOL(flush_signals);

/* kernel threads (<linux/kthread.h>) */
EXPORT_SYMBOL(kthread_create_on_node);
EXPORT_SYMBOL(kthread_stop);
EXPORT_SYMBOL(kthread_should_stop);
EXPORT_SYMBOL(kthread_exit);
EXPORT_SYMBOL(kthread_complete_and_exit);

/* wait queues and completions (<linux/wait.h>, <linux/completion.h>) */
EXPORT_SYMBOL(default_wake_function);
EXPORT_SYMBOL(autoremove_wake_function);
EXPORT_SYMBOL(init_wait_entry);
EXPORT_SYMBOL(add_wait_queue);
EXPORT_SYMBOL(add_wait_queue_exclusive);
EXPORT_SYMBOL(remove_wait_queue);
EXPORT_SYMBOL(prepare_to_wait_exclusive);
EXPORT_SYMBOL(prepare_to_wait_event);
EXPORT_SYMBOL(__wake_up);
EXPORT_SYMBOL(complete);
EXPORT_SYMBOL(complete_all);
EXPORT_SYMBOL(wait_for_completion);
EXPORT_SYMBOL(wait_for_completion_timeout);
EXPORT_SYMBOL(wait_for_completion_interruptible);
EXPORT_SYMBOL(wait_for_completion_killable);
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);
EXPORT_SYMBOL(try_wait_for_completion);
EXPORT_SYMBOL(completion_done);
EXPORT_SYMBOL(down_timeout);
EXPORT_SYMBOL(ktime_get_ns);
EXPORT_SYMBOL(ktime_get_ts64);
EXPORT_SYMBOL(ktime_get_real_ts64);
EXPORT_SYMBOL(ktime_get_coarse_real_ts64);
EXPORT_SYMBOL(ktime_get_real_seconds);
EXPORT_SYMBOL(ktime_get_seconds);

/* preemption and context (<linux/preempt.h>) */
EXPORT_SYMBOL(preempt_disable);
EXPORT_SYMBOL(preempt_enable);
EXPORT_SYMBOL(preempt_count);
EXPORT_SYMBOL(in_hardirq);
EXPORT_SYMBOL(in_softirq);
EXPORT_SYMBOL(in_interrupt);
EXPORT_SYMBOL(in_atomic);
EXPORT_SYMBOL(get_cpu_idle_time_us);
EXPORT_SYMBOL(fasync_helper);
EXPORT_SYMBOL(kill_fasync);
EXPORT_SYMBOL(tty_devnum);
EXPORT_SYMBOL(nonseekable_open);
EXPORT_SYMBOL(kobject_set_name);

/* deferred work (<linux/workqueue.h>: workqueues run by kernel threads;
 * <linux/interrupt.h>: tasklets run by ksoftirqd) */
EXPORT_SYMBOL(system_wq);
EXPORT_SYMBOL(alloc_workqueue);
EXPORT_SYMBOL(destroy_workqueue);
EXPORT_SYMBOL(queue_work);
EXPORT_SYMBOL(queue_delayed_work);
EXPORT_SYMBOL(mod_delayed_work);
EXPORT_SYMBOL(delayed_work_timer_fn);
EXPORT_SYMBOL(flush_work);
EXPORT_SYMBOL(flush_delayed_work);
EXPORT_SYMBOL(flush_workqueue);
EXPORT_SYMBOL(cancel_work_sync);
EXPORT_SYMBOL(cancel_delayed_work);
EXPORT_SYMBOL(cancel_delayed_work_sync);
EXPORT_SYMBOL(tasklet_init);
EXPORT_SYMBOL(tasklet_setup);
EXPORT_SYMBOL(tasklet_schedule);
EXPORT_SYMBOL(tasklet_hi_schedule);
EXPORT_SYMBOL(tasklet_disable_nosync);
EXPORT_SYMBOL(tasklet_disable);
EXPORT_SYMBOL(tasklet_enable);
EXPORT_SYMBOL(tasklet_kill);

/* the keyboard controller (<linux/i8042.h>: a module sees port 0x60's
 * bytes first, e.g. the keyboard's ACKs to LED commands) */
EXPORT_SYMBOL(i8042_install_filter);
EXPORT_SYMBOL(i8042_remove_filter);

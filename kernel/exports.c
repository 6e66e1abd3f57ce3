/*
 * The kernel's exported symbols: what a module may call or use. Each
 * EXPORT_SYMBOL puts { address, name, CRC } into __ksymtab, which
 * kernel/ksyms.c hashes at boot and /proc/ksyms lists. The CRC of each is
 * computed at build time from its declaration as this file sees it
 * (tools/symcrc, build/kernel-crcs.lds), so a module built against another
 * declaration is refused at load: "disagrees about version of symbol".
 * Keeping the list in one file makes the kernel's module API one page.
 */
#include <module.h>
#include "fs/vfs.h"
#include "kernel/timer.h"
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>

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

/* STUB (replaced by the irqsync branch) */
#include <linux/interrupt.h>
EXPORT_SYMBOL(request_irq);
EXPORT_SYMBOL(free_irq);

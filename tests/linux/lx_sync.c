/*
 * lx_sync: atomics, bit operations, spinlocks, rwlocks and mutexes the
 * way LKMPG's example_atomic/_spinlock/_rwlock/_mutex use them, then each
 * misuse that would deadlock or corrupt on one CPU, for scenario
 * linux_sync: a spinlock taken twice, a mutex locked twice, unlocked when
 * not locked and unlocked from a timer function (interrupt context: not
 * its owner), a write_lock under a read_lock, msleep with a spinlock held.
 * Each is reported by the kernel and returns instead of hanging.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/spinlock.h>
#include <linux/rwlock.h>
#include <linux/mutex.h>
#include <linux/timer.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lx_sync_spin);
static DEFINE_RWLOCK(lx_sync_rw);
static DEFINE_MUTEX(lx_sync_mutex);
static struct timer_list lx_sync_timer;

static void lx_sync_atomics(void)
{
	atomic_t a = ATOMIC_INIT(50), b;
	atomic64_t w = ATOMIC64_INIT(0x100000000LL);

	int r1, r2, r3;
	long long w1;

	atomic_set(&b, 45);
	atomic_dec(&b);
	atomic_add(7, &b);
	atomic_inc(&b);
	pr_info("lx_sync: a %d, b %d\n", atomic_read(&a), atomic_read(&b));
	r1 = atomic_inc_return(&b);
	r2 = atomic_sub_return(49, &a);
	r3 = atomic_dec_and_test(&a);
	pr_info("lx_sync: inc_return(b) %d, sub_return(49, a) %d, dec_and_test(a) %d\n",
		r1, r2, r3);
	r1 = atomic_cmpxchg(&b, 53, 7);
	r2 = atomic_xchg(&b, 9);
	r3 = atomic_add_unless(&b, 1, 9);
	pr_info("lx_sync: cmpxchg(b, 53, 7) was %d; xchg(b, 9) was %d; "
		"add_unless(b, 1, 9) %d, b %d\n", r1, r2, r3, atomic_read(&b));
	atomic64_add(5, &w);
	w1 = atomic64_read(&w);
	pr_info("lx_sync: atomic64 0x%llx, dec_return 0x%llx\n", w1,
		atomic64_dec_return(&w));
}

static void lx_sync_bits(void)
{
	unsigned long word = 0;

	int r1, r2;

	set_bit(3, &word);
	set_bit(5, &word);
	clear_bit(5, &word);
	change_bit(0, &word);
	pr_info("lx_sync: bits 0x%lx\n", word);
	r1 = test_and_set_bit(3, &word);
	r2 = test_and_clear_bit(4, &word);
	pr_info("lx_sync: test_and_set_bit(3) %d, test_and_clear_bit(4) %d, "
		"test_bit(0) %d\n", r1, r2, test_bit(0, &word));
}

static void lx_sync_locks(void)
{
	unsigned long flags;
	spinlock_t dyn;
	int inside, again;

	spin_lock_init(&dyn);
	spin_lock_irqsave(&lx_sync_spin, flags);
	inside = irqs_disabled();
	again = spin_trylock(&lx_sync_spin);
	spin_unlock_irqrestore(&lx_sync_spin, flags);
	spin_lock(&dyn);
	spin_unlock(&dyn);
	pr_info("lx_sync: spin_lock_irqsave: interrupts off inside %d, after %d; "
		"trylock while held %d\n", inside, irqs_disabled(), again);

	read_lock(&lx_sync_rw);
	read_lock(&lx_sync_rw);		/* readers nest */
	again = write_trylock(&lx_sync_rw);
	read_unlock(&lx_sync_rw);
	read_unlock(&lx_sync_rw);
	write_lock_irqsave(&lx_sync_rw, flags);
	inside = read_trylock(&lx_sync_rw);
	write_unlock_irqrestore(&lx_sync_rw, flags);
	pr_info("lx_sync: rwlock: write_trylock under 2 readers %d, read_trylock under "
		"the writer %d\n", again, inside);

	inside = mutex_trylock(&lx_sync_mutex);
	again = mutex_is_locked(&lx_sync_mutex);
	mutex_unlock(&lx_sync_mutex);
	pr_info("lx_sync: mutex_trylock %d, is_locked %d, after unlock %d\n", inside,
		again, mutex_is_locked(&lx_sync_mutex));
}

static volatile int lx_sync_fired;

static void lx_sync_timer_unlock(struct timer_list *t)
{
	mutex_unlock(&lx_sync_mutex);
	lx_sync_fired++;	/* after the call: no tail call, the caller shows */
}

static noinline void lx_sync_misuse(void)
{
	pr_info("lx_sync: now the misuses\n");
	spin_lock(&lx_sync_spin);
	spin_lock(&lx_sync_spin);
	spin_unlock(&lx_sync_spin);
	spin_unlock(&lx_sync_spin);

	read_lock(&lx_sync_rw);
	write_lock(&lx_sync_rw);
	read_unlock(&lx_sync_rw);

	spin_lock(&lx_sync_spin);
	msleep(10);
	spin_unlock(&lx_sync_spin);

	mutex_lock(&lx_sync_mutex);
	mutex_lock(&lx_sync_mutex);
	pr_info("lx_sync: mutex_lock_interruptible on it returned %d\n",
		mutex_lock_interruptible(&lx_sync_mutex));
	mutex_unlock(&lx_sync_mutex);
	mutex_unlock(&lx_sync_mutex);

	mutex_lock(&lx_sync_mutex);
	timer_setup(&lx_sync_timer, lx_sync_timer_unlock, 0);
	mod_timer(&lx_sync_timer, jiffies + 1);
	msleep(30);
	pr_info("lx_sync: after the timer, locked %d\n", mutex_is_locked(&lx_sync_mutex));
}

static int __init lx_sync_init(void)
{
	lx_sync_atomics();
	lx_sync_bits();
	lx_sync_locks();
	lx_sync_misuse();
	return 0;
}

static void __exit lx_sync_exit(void)
{
	pr_info("lx_sync: exit\n");
}

module_init(lx_sync_init);
module_exit(lx_sync_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Atomics, bit operations and locks on one CPU, used and misused");

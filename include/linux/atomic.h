/*
 * <linux/atomic.h>: integers changed in one indivisible step. With one
 * CPU, "indivisible" means an interrupt handler never sees half an
 * update: atomic_t uses the CPU's lock-prefixed instructions (gcc's
 * __atomic builtins), atomic64_t, which i386 cannot update in one
 * instruction without cmpxchg8b loops, masks interrupts around the update.
 * All inline: nothing to export.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <stdbool.h>
#include <linux/irqflags.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

/* The fetch_ forms return the value before, the _return forms after. */
static inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_sub(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_and(int i, atomic_t *v)
{
	return __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_or(int i, atomic_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_xor(int i, atomic_t *v)
{
	return __atomic_fetch_xor(&v->counter, i, __ATOMIC_SEQ_CST);
}

/* Sets v to new if it holds old; returns what it held. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

static inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

#define atomic_add(i, v)		((void)atomic_fetch_add(i, v))
#define atomic_sub(i, v)		((void)atomic_fetch_sub(i, v))
#define atomic_inc(v)			atomic_add(1, v)
#define atomic_dec(v)			atomic_sub(1, v)
#define atomic_and(i, v)		((void)atomic_fetch_and(i, v))
#define atomic_or(i, v)			((void)atomic_fetch_or(i, v))
#define atomic_xor(i, v)		((void)atomic_fetch_xor(i, v))
#define atomic_inc_return(v)		atomic_add_return(1, v)
#define atomic_dec_return(v)		atomic_sub_return(1, v)
#define atomic_fetch_inc(v)		atomic_fetch_add(1, v)
#define atomic_fetch_dec(v)		atomic_fetch_sub(1, v)
#define atomic_inc_and_test(v)		(atomic_add_return(1, v) == 0)
#define atomic_dec_and_test(v)		(atomic_sub_return(1, v) == 0)
#define atomic_sub_and_test(i, v)	(atomic_sub_return(i, v) == 0)
#define atomic_add_negative(i, v)	(atomic_add_return(i, v) < 0)

/* Adds a to v unless v holds u; returns true if it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	while (c != u) {
		int old = atomic_cmpxchg(v, c, c + a);

		if (old == c)
			return true;
		c = old;
	}
	return false;
}

#define atomic_inc_not_zero(v)		atomic_add_unless(v, 1, 0)

/* --- 64 bits: updated with interrupts masked --- */

typedef struct {
	long long counter;
} atomic64_t;

#define ATOMIC64_INIT(i)	{ (i) }

static inline long long atomic64_read(const atomic64_t *v)
{
	unsigned long flags;
	long long r;

	local_irq_save(flags);
	r = *(const volatile long long *)&v->counter;
	local_irq_restore(flags);
	return r;
}

static inline void atomic64_set(atomic64_t *v, long long i)
{
	unsigned long flags;

	local_irq_save(flags);
	*(volatile long long *)&v->counter = i;
	local_irq_restore(flags);
}

static inline long long atomic64_add_return(long long i, atomic64_t *v)
{
	unsigned long flags;
	long long r;

	local_irq_save(flags);
	r = (*(volatile long long *)&v->counter += i);
	local_irq_restore(flags);
	return r;
}

static inline long long atomic64_cmpxchg(atomic64_t *v, long long old, long long new)
{
	unsigned long flags;
	long long r;

	local_irq_save(flags);
	r = *(volatile long long *)&v->counter;
	if (r == old)
		*(volatile long long *)&v->counter = new;
	local_irq_restore(flags);
	return r;
}

static inline long long atomic64_xchg(atomic64_t *v, long long new)
{
	unsigned long flags;
	long long r;

	local_irq_save(flags);
	r = *(volatile long long *)&v->counter;
	*(volatile long long *)&v->counter = new;
	local_irq_restore(flags);
	return r;
}

#define atomic64_sub_return(i, v)	atomic64_add_return(-(long long)(i), v)
#define atomic64_add(i, v)		((void)atomic64_add_return(i, v))
#define atomic64_sub(i, v)		((void)atomic64_sub_return(i, v))
#define atomic64_inc(v)			atomic64_add(1, v)
#define atomic64_dec(v)			atomic64_sub(1, v)
#define atomic64_inc_return(v)		atomic64_add_return(1, v)
#define atomic64_dec_return(v)		atomic64_sub_return(1, v)
#define atomic64_dec_and_test(v)	(atomic64_dec_return(v) == 0)
#define atomic64_inc_and_test(v)	(atomic64_inc_return(v) == 0)

#endif

# lx_sync: atomics, bit operations, spinlocks, rwlocks, mutexes as LKMPG's examples use them; then each misuse, reported by the kernel instead of a hang
memdiff save
insmod /extra/lx_sync.ko
rmmod lx_sync
memdiff

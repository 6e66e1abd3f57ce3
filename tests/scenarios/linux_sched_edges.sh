# hx_sched (tests/linux): scheduler edge cases. mode=0: a thread woken by init, not yet run when exit returns (both on one line: the shell does not sleep between them): the unload check names it, the module stays mapped (D); once it ran, rmmod -f takes the module out
memdiff save
insmod /extra/hx_sched.ko mode=0; rmmod hx_sched; sleep 0.1
rmmod -f hx_sched
# mode=1: msleep in a timer function is reported once and does not sleep
insmod /extra/hx_sched.ko mode=1; sleep 0.1
rmmod hx_sched
# mode=2: a mutex waiter woken by mutex_unlock, then signalled before it runs, takes the free mutex; the next waiter gets it after
insmod /extra/hx_sched.ko mode=2
rmmod hx_sched
# mode=3: a read that sleeps 5.2 s then loops 0.3 s in module code is no soft lockup
insmod /extra/hx_sched.ko mode=3
cat /proc/hx_sched
echo $?
rmmod hx_sched
memdiff

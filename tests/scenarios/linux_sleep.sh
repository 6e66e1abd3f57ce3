# lx_sleep (tests/linux): msleep(100) lasts 100-110 ms of guest time with the CPU idle; a semaphore's consumer sleeps in down(); a mutex waiter sleeps while the holder sleeps with it
memdiff save
insmod /extra/lx_sleep.ko
# the holder sleeps (D) in msleep with the mutex, the waiter sleeps (D) in mutex_lock
ps
sleep 2
# both ended (Z): their results wait for kthread_stop in exit
ps
# the shell's sleep idles too: every tick but the ones around the commands
cat /proc/lx_sleep; sleep 0.5; cat /proc/lx_sleep
rmmod lx_sleep
memdiff

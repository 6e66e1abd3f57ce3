# the thread race, the cure: race_kthread's exit calls kthread_stop, which wakes rk_worker and waits for its function to return
memdiff save
insmod /lib/modules/race_kthread.ko
sleep 0.1
rmmod race_kthread
echo $?
memdiff

# race 2, the cure: race_timer's function re-arms its timer and runs 15 ms, longer than its period, in ksoftirqd (preempted midway); exit's del_timer_sync removes the timer and waits for the running function
memdiff save
insmod /lib/modules/race_timer.ko
sleep 0.1
rmmod race_timer
echo $?
memdiff

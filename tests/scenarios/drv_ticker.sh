# modules/ticker.c: a 100 ms timer queues a work item that sleeps 5 ms; both count into /proc/ticker
memdiff save
insmod /lib/modules/ticker.ko
sleep 1
cat /proc/ticker
sleep 1
cat /proc/ticker
# exit: del_timer_sync, then cancel_work_sync; nothing runs after
rmmod ticker
sleep 1
cat /proc/ticker
memdiff

# modules/ticker.c: a 100 ms timer queues a work item that sleeps 5 ms; both count into /proc/ticker
memdiff save
# one line, so that only the guest's sleeps come between the counts (no typing): after 1 s, after 2 s, then exit: del_timer_sync, then cancel_work_sync; nothing runs after
insmod /lib/modules/ticker.ko; sleep 1; cat /proc/ticker; sleep 1; cat /proc/ticker; rmmod ticker
sleep 1
cat /proc/ticker
memdiff

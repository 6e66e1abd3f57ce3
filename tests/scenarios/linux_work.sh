# lx_work: a timer hands work to kworker/0 (process context: it sleeps); schedule_work and flush_work; a re-queueing item stopped by cancel_work_sync; delayed work in jiffies, cancelled, modified; a private workqueue with its own thread; tasklets from a timer (softirq context), disabled, enabled
memdiff save
insmod /extra/lx_work.ko
# the private workqueue's thread, lx_work, next to kworker/0
ps
# rmmod: exit queues a last item and destroys the workqueue (the item runs first), then kills the tasklets
rmmod lx_work
ps
memdiff

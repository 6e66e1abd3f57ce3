# the work-item race, the cure: race_work's item queues itself again after sleeping 20 ms in kworker/0; exit sets a stop flag and calls cancel_work_sync, which waits for the running function
memdiff save
insmod /lib/modules/race_work.ko
sleep 0.1
rmmod race_work
echo $?
memdiff

# race 1, the bug: race_caller safe=0 calls race_ops without a reference; rmmod race_ops runs exit while the thread sleeps inside race_ops_work: the unload check names the thread, the module stays mapped (D) until rmmod -f once the call has returned
memdiff save
insmod /lib/modules/race_subsys.ko
insmod /lib/modules/race_ops.ko
insmod /lib/modules/race_caller.ko safe=0
sleep 0.1
lsmod
rmmod race_ops
echo $?
lsmod
rmmod race_ops
sleep 0.1
rmmod -f race_ops
echo $?
rmmod race_caller
rmmod race_subsys
memdiff

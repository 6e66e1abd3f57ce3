# race 1, the cure: race_caller's thread calls race_ops through race_subsys, which holds a reference on race_ops during each call (taken under its lock): rmmod race_ops says in use, never unmaps code in use
memdiff save
insmod /lib/modules/race_subsys.ko
insmod /lib/modules/race_ops.ko
insmod /lib/modules/race_caller.ko
sleep 0.1
lsmod
rmmod race_ops
echo $?
# stop the user first; then the driver goes
rmmod race_caller
rmmod race_ops
echo $?
rmmod race_subsys
memdiff

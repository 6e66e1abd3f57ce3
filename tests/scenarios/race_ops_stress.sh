# race 1 under stress: race_caller's busy thread calls through race_subsys while the shell loads and unloads race_ops 1,000 times; an rmmod that meets a call in flight is refused (in use) and retried (rmmod -w), never a fault, no page lost
memdiff save
insmod /lib/modules/race_subsys.ko
insmod /lib/modules/race_caller.ko gap_us=100
repeat 1000 sh /extra/race_cycle.sh
lsmod
rmmod race_caller
rmmod race_subsys
memdiff

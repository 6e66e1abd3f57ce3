# lx_timer: a timer re-arming itself each tick runs until del_timer_sync, then never again; jiffies helpers; mdelay and udelay outlast a tick
memdiff save
insmod /extra/lx_timer.ko
rmmod lx_timer
memdiff
# lx_timerleak exits with a timer armed: removed at unload, with a message; the kernel goes on
memdiff save
insmod /extra/lx_timerleak.ko
rmmod lx_timerleak
memdiff
sleep 1
echo alive

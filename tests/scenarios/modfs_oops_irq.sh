# hx_tmoops's timer function follows NULL in ksoftirqd (softirq context), while its init waits: no command can be ended there, so the symbolized oops ends in a panic, as in Linux
insmod /lib/modules/hx_tmoops.ko
echo never reached

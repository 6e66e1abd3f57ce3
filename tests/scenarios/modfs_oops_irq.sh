# hx_tmoops's timer function follows NULL in the timer interrupt, while its init waits: no command can be ended in interrupt context, so the symbolized oops ends in a panic
insmod /lib/modules/hx_tmoops.ko
echo never reached

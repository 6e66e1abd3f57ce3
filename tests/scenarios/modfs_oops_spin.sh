# hx_spin's init loops forever: after 5 s the timer tick ends the call (a soft lockup), the oops names the loop, insmod fails, the shell lives on
memdiff save
insmod /lib/modules/hx_spin.ko
echo alive
lsmod
rmmod -f hx_spin
memdiff

# hx_oops's init writes through NULL in hx_oops_poke: the oops names the function and the module, insmod fails naming the fault and place, the shell lives on
memdiff save
insmod /lib/modules/hx_oops.ko
echo alive
lsmod
cat /proc/modules
cat /mod/hx_oops/status
cat /mod/hx_oops/symbols
cat /proc/tainted
# a faulted module stays loaded: rmmod refuses; rmmod -f forces it out (init faulted, so its exit is not run)
rmmod hx_oops
rmmod -f hx_oops
lsmod
ls /mod
memdiff
# the kernel stays tainted D, and dmesg keeps the oops to read again
cat /proc/tainted
dmesg

# hx_rdoops's read follows a NULL pointer (strlen(NULL) called from hx_rdoops_read): cat fails with EFAULT, the shell lives on, the module is marked
memdiff save
insmod /lib/modules/hx_rdoops.ko
# a descriptor opened before the fault keeps the module pinned
open /dev/hx_rdoops
cat /dev/hx_rdoops
echo alive
lsmod
cat /proc/modules
cat /mod/hx_rdoops/status
# nothing new may hold a faulted module: its device no longer opens
cat /dev/hx_rdoops
rmmod hx_rdoops
# even forced, not while a descriptor holds it; close it (its release is skipped: the module faulted)
rmmod -f hx_rdoops
close 3
# forced out: the fault was in read, so its exit runs and unregisters the device
rmmod -f hx_rdoops
ls /dev
ls /mod
memdiff
cat /proc/tainted

# hx_rdoops's read follows a NULL pointer (strlen(NULL) called from hx_rdoops_read): cat fails with EFAULT, the shell lives on, the module is marked
memdiff save
insmod /lib/modules/hx_rdoops.ko
cat /dev/hx_rdoops
echo alive
lsmod
cat /proc/modules
cat /mod/hx_rdoops/status
# nothing new may hold a faulted module: its device no longer opens
cat /dev/hx_rdoops
rmmod hx_rdoops
# forced out: the fault was in read, so its exit runs and unregisters the device
rmmod -f hx_rdoops
ls /dev
ls /mod
memdiff
cat /proc/tainted

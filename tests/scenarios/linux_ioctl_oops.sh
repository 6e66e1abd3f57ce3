# lx_ioctl's LX_CRASH (_IO('L', 5)) writes through the pointer it is given: with 0, a NULL write inside the module's ioctl is contained like a faulting read
memdiff save
insmod /extra/lx_ioctl.ko
ioctl /dev/lx_ioctl 0x4c05 0
echo alive
lsmod
# a faulted module's ioctl is not called again
ioctl /dev/lx_ioctl 0x4c04
# forced out: its exit runs and removes the device, the class, the cdev and the region
rmmod -f lx_ioctl
ls /dev
memdiff

# /proc/devices in Linux's layout: the kernel's majors (mem, /dev/console, misc)
cat /proc/devices
# LDD3's small needs (tests/linux/lx_ldd3.c): current, inode->i_cdev, semaphores, capable, utsname, memcpy_toio/fromio
memdiff save
insmod /extra/lx_ldd3.ko
insmod /extra/lx_oldclass.ko
# a region (alloc_chrdev_region) and a register_chrdev major, under their names
cat /proc/devices
ls -l /dev/lx_ldd3_0 /dev/lx_ldd3_1
# open finds the device through inode->i_cdev; current->comm is the command running
cat /dev/lx_ldd3_0 /dev/lx_ldd3_1
dd if=/dev/lx_ldd3_1 bs=64 count=1
cat /proc/lx_ldd3
rmmod lx_oldclass
rmmod lx_ldd3
cat /proc/devices
memdiff

# what the books' examples use in passing (tests/linux/lx_compat.c; docs/linux-compat.md)
memdiff save
# pr_info without '\n' then pr_info: two lines; pr_cont and KERN_CONT join one
insmod /extra/lx_compat.ko
# struct file and rwlock_t came through <linux/proc_fs.h>
cat /proc/lx_compat
cat /proc/lx_compat
# ioctl on a /proc file: 0, -ETIMEDOUT, and -ENOIOCTLCMD seen as ENOTTY
ioctl /proc/lx_compat 0x4c10
ioctl /proc/lx_compat 0x4c11
ioctl /proc/lx_compat 0x4c12
rmmod lx_compat
memdiff

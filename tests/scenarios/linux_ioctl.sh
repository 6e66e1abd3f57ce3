# a driver steered by ioctl (tests/linux/lx_ioctl.c) through the shell's ioctl command
memdiff save
insmod /extra/lx_ioctl.ko
ls -l /dev/lx_ioctl
# SET_MSG = _IOW('L', 0, char *): s:TEXT passes the address of the text
ioctl /dev/lx_ioctl 0x40044c00 s:hello-ioctl
cat /dev/lx_ioctl
echo
# GET_MSG = _IOR('L', 1, char *): the size in the number is a pointer's (4); -r 16 shows more of the buffer
ioctl /dev/lx_ioctl 0x80044c01
ioctl -r 16 /dev/lx_ioctl 0x80044c01
# GET_BYTE = _IOWR('L', 2, int), c0044c02 in hex, typed in decimal, with a plain number: the byte is the return value ('i' is 105)
ioctl /dev/lx_ioctl 3221507074 6
ioctl /dev/lx_ioctl 3221507074 99
# GET_LEN = _IOR('L', 3, int): the driver put_users an int into the buffer
ioctl /dev/lx_ioctl 0x80044c03
# default_llseek: dd's skip moves the position
dd if=/dev/lx_ioctl bs=3 skip=2
echo
# RESET = _IO('L', 4); an unknown number is refused with ENOTTY, as is ioctl on a file without it
ioctl /dev/lx_ioctl 0x4c04
ioctl /dev/lx_ioctl 0x80044c03
ioctl /dev/lx_ioctl 0x4c63
ioctl /dev/null 0x4c04
ioctl /proc/meminfo 0
ioctl /dev/lx_ioctl
ioctl /dev/lx_ioctl zz
ioctl /dev/nothing 0
rmmod lx_ioctl
ls /dev
memdiff

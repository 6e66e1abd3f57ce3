# lx_pipe: a region and a cdev with no node (mknod makes one, as on Linux); a read that waits in prepare_to_wait/schedule until a timer makes its condition true; nonseekable_open; f_mode; current
memdiff save
insmod /extra/lx_pipe.ko
cat /proc/devices
mknod /dev/lx_pipe c 240 0
ls -l /dev/lx_pipe
cat /dev/lx_pipe
# no position: skipping is a seek, refused
dd if=/dev/lx_pipe bs=4 count=1 skip=1
rmmod lx_pipe
# the node outlives the driver: it opens nothing now; rm removes it
cat /dev/lx_pipe
rm /dev/lx_pipe
ls /dev
memdiff

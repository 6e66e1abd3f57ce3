# a driver with a fixed major (register_chrdev gives 0, as Linux) loads and unloads
memdiff save
insmod /extra/noowner.ko
ls -l /dev/noowner
cat /dev/noowner
lsmod
# its fops have no .owner: an open /dev/noowner still pins the module that holds them
open /dev/noowner
lsmod
rmmod noowner
echo $?
cat /dev/noowner
close 3
lsmod
rmmod noowner
echo $?
ls /dev
memdiff

# a driver with a fixed major (register_chrdev gives 0, as Linux) loads and unloads
memdiff save
insmod /extra/noowner.ko
ls -l /dev/noowner
cat /dev/noowner
rmmod noowner
ls /dev
memdiff

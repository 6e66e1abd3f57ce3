# lx_kthread (tests/linux): two threads count in a busy loop of module code; the shell still runs every command, and each counter grows between two reads
memdiff save
insmod /extra/lx_kthread.ko
sleep 0.1
cat /proc/lx_kthread
sleep 0.2
cat /proc/lx_kthread
# ps: both running (R), their function named in the module with offset and size
ps
# kthread_stop stops spin_a and gives back what its function returned; spin_b goes on
echo stop > /proc/lx_kthread
cat /proc/lx_kthread
ps
# exit stops spin_b
rmmod lx_kthread
ps
memdiff

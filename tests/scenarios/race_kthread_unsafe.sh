# the thread race, the bug: with safe=0 exit only sets a flag and returns while rk_worker still sleeps in rk_loop: the unload check names it, the module stays mapped (D); the thread then ends by itself and rmmod -f takes the module out (and frees the ended thread)
memdiff save
insmod /lib/modules/race_kthread.ko safe=0
sleep 0.1
rmmod race_kthread
echo $?
lsmod
sleep 0.2
ps
rmmod -f race_kthread
echo $?
ps
memdiff

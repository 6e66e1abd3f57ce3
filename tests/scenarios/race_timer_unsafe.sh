# race 2, the bug: with safe=0 exit uses del_timer, which returns while the function still runs in ksoftirqd: the unload check names ksoftirqd/0 and the function, the module stays mapped (D); once the function has returned rmmod -f takes it out
memdiff save
insmod /lib/modules/race_timer.ko safe=0
sleep 0.1
rmmod race_timer
echo $?
lsmod
sleep 0.1
rmmod -f race_timer
echo $?
memdiff

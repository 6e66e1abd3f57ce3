# the work-item race, the bug: with safe=0 exit only sets the flag and returns while kworker/0 sleeps in race_work_fn: the unload check names it, the module stays mapped (D); once the function has returned rmmod -f takes it out
memdiff save
insmod /lib/modules/race_work.ko safe=0
sleep 0.1
rmmod race_work
echo $?
lsmod
sleep 0.1
rmmod -f race_work
echo $?
memdiff

# the open-device race: an open /dev/race_open holds race_open (its fops .owner), so rmmod says in use until close; with safe=0 (no .owner) Tessera's devfs pins the module whose image holds the fops anyway, with the same result (Linux would unload it)
memdiff save
insmod /lib/modules/race_open.ko
open /dev/race_open
lsmod
rmmod race_open
echo $?
cat /dev/race_open
close 3
rmmod race_open
echo $?
insmod /lib/modules/race_open.ko safe=0
cat /mod/race_open/parameters/safe
open /dev/race_open
lsmod
rmmod race_open
echo $?
close 3
rmmod race_open
echo $?
memdiff

# depmod: the ramdisk's modules.dep and modules.alias were written on the host by tools/depmod; the guest's depmod (the same core) writes the same; a module whose provider is missing is warned about by symbol; a cycle is named and nothing is written
memdiff save
cat /lib/modules/modules.dep
cat /lib/modules/modules.alias
depmod
echo $?
cat /lib/modules/modules.dep
depmod -n /extra
echo $?
mkdir /tmp/ok
cp /extra/dm_lib.ko /extra/dm_user.ko /extra/dm_top.ko /tmp/ok
depmod /tmp/ok
cat /tmp/ok/modules.dep
# a chain two deep: the line lists dm_user then dm_lib; modprobe loads right to left
modprobe -v -d /tmp/ok dm_top
# -n: what -r would do, nothing done (each dependency counted as unused once its users would be gone)
modprobe -n -r -d /tmp/ok dm_top
lsmod
modprobe -v -r -d /tmp/ok dm_top
mkdir /tmp/miss
cp /extra/dm_user.ko /tmp/miss
depmod /tmp/miss
echo $?
cat /tmp/miss/modules.dep
mkdir /tmp/cyc
cp /extra/dm_cyc_a.ko /extra/dm_cyc_b.ko /extra/dm_lib.ko /tmp/cyc
depmod /tmp/cyc
echo $?
ls /tmp/cyc
depmod /nope
depmod -x
rm /tmp/ok/dm_lib.ko /tmp/ok/dm_user.ko /tmp/ok/dm_top.ko /tmp/ok/modules.dep /tmp/ok/modules.alias /tmp/miss/dm_user.ko /tmp/miss/modules.dep /tmp/miss/modules.alias /tmp/cyc/dm_cyc_a.ko /tmp/cyc/dm_cyc_b.ko /tmp/cyc/dm_lib.ko
rmdir /tmp/ok /tmp/miss /tmp/cyc
memdiff

# usage errors (status 2) and refusals (status 1) of mv, modinfo, insmod and rmmod, each naming what is at fault
mkdir /tmp/d /tmp/d/sub
# mv into itself: rename refuses with EINVAL, naming the target
mv /tmp/d /tmp/d/sub
echo $?
mv /tmp/d /tmp/d
mv /tmp/d/sub /tmp/d/sub/x
ls /tmp/d
# mv across mount points: EXDEV, the source stays
echo hi > /tmp/f
mv /tmp/f /dev/f
echo $?
mv /tmp/f /proc
mv /dev/null /tmp/n
mv /tmp/d /mod
cat /tmp/f
ls /dev
# mv with too few arguments
mv /tmp/f
echo $?
rm /tmp/f
rmdir /tmp/d/sub /tmp/d
# modinfo: no argument, two, a file that is not ELF, an empty one, a directory
modinfo
echo $?
modinfo a b
modinfo /etc/motd
echo $?
> /tmp/empty
modinfo /tmp/empty
modinfo /tmp
modinfo /nope
rm /tmp/empty
# insmod: no argument, an unknown flag, a file that is not ELF; a word
# after the file is a parameter (hello has none: ignored, as Linux does)
insmod
echo $?
insmod -x /lib/modules/hello.ko
echo $?
insmod /lib/modules/hello.ko extra
rmmod hello
insmod /etc/motd
echo $?
lsmod
# rmmod: no argument, a bad flag; a module that is not loaded
rmmod
echo $?
rmmod -x hello
echo $?
rmmod hello
echo $?

# Loading by hand (docs/modfs.md, "Loading by hand"): insmod -n prints the
# commands, which change nothing; typed back they load the module as insmod
# does; modreloc's image is the one insmod maps, but for the header's priv
# word the kernel writes at init (cmp's bytes 105..108) and what the
# module's own code wrote (bigdata's sum, bytes 430..431).
memdiff save
insmod -n /lib/modules/hellop.ko howmany=2
insmod -n /lib/modules/hellop.ko howmany=2 "whom=big world"
insmod -n /lib/modules/libuser.ko
memdiff
# Typed back: hellop with two parameters.
mkdir /mod/hellop
truncate -s 691 /mod/hellop/module
echo map module > /mod/hellop/control
modreloc /lib/modules/hellop.ko /mod/hellop /tmp/hellop.img
modsyms /lib/modules/hellop.ko > /mod/hellop/symbols
cp /tmp/hellop.img /mod/hellop/module
rm /tmp/hellop.img
echo howmany=2 > /tmp/hellop.args
echo 'whom=big world' >> /tmp/hellop.args
cp /tmp/hellop.args /mod/hellop/args
rm /tmp/hellop.args
echo init module > /mod/hellop/control
truncate -s 608 /mod/hellop/module
cat /mod/hellop/status
cat /mod/hellop/parameters/whom
rmmod hellop.ko
# A dependency: libuser uses libdemo.
insmod /lib/modules/libdemo.ko
modreloc /lib/modules/libuser.ko 0xf0100000 /tmp/x.img
modlayout /lib/modules/libuser.ko
insmod -n /lib/modules/libuser.ko
mkdir /mod/libuser
truncate -s 635 /mod/libuser/module
echo map module > /mod/libuser/control
modreloc /lib/modules/libuser.ko /mod/libuser /tmp/libuser.img
modsyms /lib/modules/libuser.ko > /mod/libuser/symbols
cp /tmp/libuser.img /mod/libuser/module
echo use libdemo > /mod/libuser/control
echo init module > /mod/libuser/control
truncate -s 576 /mod/libuser/module
cat /mod/libuser/symbols
cat /mod/libuser/status
rmmod /lib/modules/libuser.ko
rmmod libdemo
rm /tmp/libuser.img
rm /tmp/x.img
memdiff
# The image insmod maps is modreloc's, but for priv and the module's writes.
# priv (bytes 104..107 of the header) is a kernel pointer, set at init:
# the bytes before it and those after it are compared apart.
insmod /lib/modules/hello.ko
modreloc /lib/modules/hello.ko /mod/hello /tmp/h.img
truncate -s 432 /tmp/h.img
dd if=/tmp/h.img bs=104 count=1 > /tmp/a1
dd if=/mod/hello/module bs=104 count=1 > /tmp/a2
cmp -l /tmp/a1 /tmp/a2
dd if=/tmp/h.img bs=4 skip=27 count=81 > /tmp/b1
dd if=/mod/hello/module bs=4 skip=27 count=81 > /tmp/b2
cmp -l /tmp/b1 /tmp/b2
rmmod hello.ko
insmod /lib/modules/bigdata.ko
modreloc /lib/modules/bigdata.ko /mod/bigdata /tmp/b.img
truncate -s 432 /tmp/b.img
dd if=/tmp/b.img bs=104 count=1 > /tmp/a1
dd if=/mod/bigdata/module bs=104 count=1 > /tmp/a2
cmp -l /tmp/a1 /tmp/a2
dd if=/tmp/b.img bs=4 skip=27 count=81 > /tmp/b1
dd if=/mod/bigdata/module bs=4 skip=27 count=81 > /tmp/b2
cmp -l /tmp/b1 /tmp/b2
rmmod /lib/modules/bigdata.ko
rm /tmp/h.img
rm /tmp/b.img /tmp/a1 /tmp/a2 /tmp/b1 /tmp/b2
memdiff
# insmod -n's lines run by sh as they are; a quote in a value is quoted.
insmod -n /lib/modules/hellop.ko "whom=it's me" > /tmp/hellop.sh
sh /tmp/hellop.sh
cat /mod/hellop/parameters/whom
rmmod hellop
rm /tmp/hellop.sh
# Refusals, each precise and leaving nothing behind.
modreloc /lib/modules/libuser.ko 0xf0100000 /tmp/x.img
modreloc /lib/modules/hello.ko /mod/nothere /tmp/x.img
modreloc /lib/modules/hello.ko 12zz /tmp/x.img
modreloc /lib/modules/hello.ko 0x100000000 /tmp/x.img
modreloc /lib/modules/hello.ko 0xffffff00 /tmp/x.img
# warned as insmod warns: initbug's core points into its init part
modreloc /lib/modules/initbug.ko 0xf0100000 /tmp/i.img
rm /tmp/i.img
modreloc /etc/motd 0 /tmp/x.img
modreloc /lib/modules/hello.ko 0
mkdir /mod/hello
modreloc /lib/modules/hello.ko /mod/hello /tmp/x.img
# modreloc for /mod/NAME: the module must be NAME, its image the size of NAME's file
truncate -s 4096 /mod/hello/module
echo map module > /mod/hello/control
modreloc /lib/modules/hello.ko /mod/hello /tmp/x.img
echo unmap module > /mod/hello/control
truncate -s 456 /mod/hello/module
echo map module > /mod/hello/control
modreloc /lib/modules/bigdata.ko /mod/hello /tmp/x.img
# a refused truncate or cp of the image file says the kernel's reason too
truncate -s 432 /mod/hello/module
modreloc /lib/modules/hello.ko /mod/hello /tmp/x.img
truncate -s 400 /tmp/x.img
cp /tmp/x.img /mod/hello/module
truncate -s 12800 /tmp/x.img
cp /tmp/x.img /mod/hello/module
rm /tmp/x.img
# files with no storage to resize: /proc's and modfs' refuse, and keep their size; a device is not a regular file
truncate -s 100 /proc/modules
truncate -s 0 /mod/hello/status
ls -l /proc/modules /mod/hello/status
truncate -s 100 /dev/null
rmmod hello-x.ko
rmmod /lib/modules/hello.ko
insmod -n /lib/modules/libuser.ko
insmod -n /lib/modules/badver.ko
modreloc /lib/modules/badver.ko 0xf0100000 /tmp/x.img
# init module checks the version magic as Linux's kernel does: a module built for another kernel is refused, unless 'force vermagic' (taints F)
cat /proc/tainted
mkdir /mod/dm_vermagic
truncate -s 312 /mod/dm_vermagic/module
echo map module > /mod/dm_vermagic/control
modreloc /extra/dm_vermagic.ko /mod/dm_vermagic /tmp/v.img
modsyms /extra/dm_vermagic.ko > /mod/dm_vermagic/symbols
cp /tmp/v.img /mod/dm_vermagic/module
rm /tmp/v.img
echo init module > /mod/dm_vermagic/control
cat /mod/dm_vermagic/error
cat /proc/tainted
echo force vermagic > /mod/dm_vermagic/control
echo init module > /mod/dm_vermagic/control
cat /proc/modules
cat /proc/tainted
rmmod dm_vermagic
ls /mod
memdiff

# module parameters insmod refuses, each with Linux 6.1's words, and
# unknown ones it ignores; nothing is left behind
memdiff save
insmod /lib/modules/hellop.ko bogus=1 howmany=2 other
rmmod hellop
insmod /lib/modules/hellop.ko howmany=abc
insmod /lib/modules/hellop.ko howmany=2147483648
insmod /lib/modules/hellop.ko howmany
insmod /lib/modules/paramdemo.ko b=256
insmod /lib/modules/paramdemo.ko us=65536
insmod /lib/modules/paramdemo.ko s=-32769
insmod /lib/modules/paramdemo.ko u=-1
insmod /lib/modules/paramdemo.ko verbose=maybe
insmod /lib/modules/paramdemo.ko arr=1,2,3,4,5
insmod /lib/modules/paramdemo.ko arr=1,,3
insmod /lib/modules/paramdemo.ko arr=
insmod /lib/modules/paramdemo.ko label=12345678
insmod /lib/modules/paramdemo.ko count=1 count=2 level=x
ls /mod
memdiff

# module parameters: hellop (LDD3's example, our own code) with defaults,
# set values and a string with spaces; paramdemo's every kind, its files
# read and written, modinfo's parm: lines; every page comes back
memdiff save
modinfo /lib/modules/hellop.ko
insmod /lib/modules/hellop.ko
ls -l /mod/hellop/parameters
cat /mod/hellop/parameters/howmany /mod/hellop/parameters/whom
rmmod hellop
insmod /lib/modules/hellop.ko howmany=3 whom="Mom and Dad"
cat /mod/hellop/args
cat /mod/hellop/parameters/howmany /mod/hellop/parameters/whom
echo 5 > /mod/hellop/parameters/howmany
rmmod hellop
memdiff
modinfo /lib/modules/paramdemo.ko
insmod /lib/modules/paramdemo.ko
ls -l /mod/paramdemo/parameters
rmmod paramdemo
insmod /lib/modules/paramdemo.ko b=255 s=-32768 us=65535 count=0x10 u=4294967295 l=-2147483648 ul=010 verbose quiet=n name="a b c" label=1234567 arr=1,2,3 ports=1 names=p,q level=7 hidden=1 secret=2
cd /mod/paramdemo/parameters
cat b count verbose quiet name label arr ports names level
echo 42 > count
echo y > verbose
echo "new name" > name
echo 5,6,7,8 > arr
echo short > label
cat count verbose name arr label
echo 5,6,7,8,9 > arr
echo 300 > b
echo abc > count
echo 12345678 > label
echo 1 > s
cat secret
echo 3 > secret
cat arr b count label s
cd /
rmmod paramdemo
memdiff

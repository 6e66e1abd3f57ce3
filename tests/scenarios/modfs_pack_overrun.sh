# a packed module has no guard page: packover (tests/pack/packover.c) writes 4 bytes past its end on purpose; the guard pattern after it catches it, modcheck and the unload name it, and libdemo, placed right after it, still works
memdiff save
insmod /extra/tiny01.ko
insmod /extra/packover.ko overrun=4
insmod /lib/modules/libdemo.ko
cat /proc/modalloc
modcheck
echo $?
echo x > /dev/packover
modcheck
echo $?
modcheck libdemo packover
modcheck nosuch
cat /proc/modalloc
# the neighbour still works: libuser calls it
insmod /lib/modules/libuser.ko
cat /mod/libdemo/status
rmmod libuser
rmmod packover
modcheck
rmmod libdemo tiny01
memdiff
# one byte past the end is caught too: the guard starts right after the last byte
insmod /extra/packover.ko overrun=1
echo x > /dev/packover
modcheck packover
rmmod packover
memdiff
# affinity: with an earlier hole, first fit puts libuser away from libdemo (two pages to call across); insmod --near=libdemo puts it right after (one page)
insmod /extra/tiny01.ko
insmod /extra/tiny02.ko
insmod /extra/tiny03.ko
insmod /extra/tiny04.ko
insmod /extra/tiny05.ko
insmod /extra/tiny06.ko
insmod /extra/tiny07.ko
insmod /lib/modules/libdemo.ko
rmmod tiny06
insmod /lib/modules/libuser.ko
cat /proc/modalloc
modpages libdemo libuser
rmmod libuser
insmod -v --near=libdemo /lib/modules/libuser.ko
cat /proc/modalloc
modpages libdemo libuser
# a hint names a mapped module, and comes before map
echo "near nosuch" > /mod/libuser/control
cat /mod/libuser/error
insmod --near=nosuch /extra/tiny06.ko
# a hint can use room in the named module's page, not make it: edge4080 (kept whole: 4080 bytes + guard) fills its page, so --near=edge4080 goes first fit, and says so; so does a hint naming a page-placed module
insmod --init=keep /extra/edge4080.ko
insmod -v --near=edge4080 /extra/tiny06.ko
insmod --init=keep /extra/edge4081.ko
insmod --near=edge4081 /extra/tiny08.ko
cat /mod/tiny08/status
rmmod tiny08 edge4081 tiny06 edge4080
rmmod libuser libdemo tiny01 tiny02 tiny03 tiny04 tiny05 tiny07
memdiff

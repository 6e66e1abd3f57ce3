# refusals at load time: wrong symbol version, duplicate name, unresolved
# symbols, a failing init; each leaves nothing behind
memdiff save
insmod -v /lib/modules/badver.ko
insmod /lib/modules/hello.ko
insmod /lib/modules/hello.ko
rmmod hello
insmod /lib/modules/libuser.ko
insmod /lib/modules/initfail.ko
rmmod nothere
# not a refusal: an absent weak symbol resolves to 0
insmod /lib/modules/weakref.ko
rmmod weakref
ls /mod
memdiff

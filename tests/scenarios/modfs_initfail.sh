# an init function that fails: the write of "init module" fails with its error
memdiff save
insmod -v /lib/modules/initfail.ko
echo $?
ls /mod
memdiff

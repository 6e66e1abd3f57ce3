insmod /lib/modules/hello.ko
rmmod hello

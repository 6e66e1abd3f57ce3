# free, uptime and dmesg read /proc and /dev/kmsg; sleep; help shows a usage line
free
uptime
dmesg > /tmp/log
echo $?
rm /tmp/log
sleep 0.2
help ls

free
uptime
dmesg > /tmp/log
echo $?
rm /tmp/log
sleep 0.2
help ls

# free, uptime and dmesg read /proc and /dev/kmsg; sleep; help shows a manual page (docs/commands/, shown whole by shell_help_tab)
free
uptime
dmesg > /tmp/log
echo $?
rm /tmp/log
sleep 0.2
help ls > /dev/null; echo $?

# exit at the prompt powers off with its status: here 3, so QEMU reports a failure
false
exit 3

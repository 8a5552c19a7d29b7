export * from './disk-encryption-set';
export * from './linux-compute';
export * from './linux-virtual-machine';
export * from './linux-vm-scale-set';
export * from './windows-virtual-machine';

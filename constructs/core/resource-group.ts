/** A resource group in Norway, optionally locked against deletion. */
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { LockConfig } from './interfaces';
import { protectFromDeletion, validateLock } from '../interfaces/lock';
import type { NorwayRegion } from './region';
import type { Tags } from './tags';
import { Problems } from './validation';

export interface NorwayResourceGroupProps {
  readonly region: NorwayRegion;
  readonly name: string;
  /**
   * Deletion protection for the group and everything in it.
   * @default - none: locks sit on the data-bearing resources themselves
   */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly tags?: Tags;
}

export class NorwayResourceGroup extends Construct {
  readonly resource: ResourceGroup;
  readonly region: NorwayRegion;
  /** The resource group's name (a token until apply when the name is computed). */
  readonly name: string;
  readonly id: string;

  constructor(scope: Construct, id: string, props: NorwayResourceGroupProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    validateLock(problems, props.lock);
    problems.throwIfAny();

    this.region = props.region;
    this.resource = new ResourceGroup(this, 'Resource', {
      name: props.name,
      location: props.region,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.name = this.resource.name;
    this.id = this.resource.id;
    if (props.lock) protectFromDeletion(this, this.resource, props.lock);
  }
}

import { describe, expect, it } from 'vitest';
import { planError, planErrorMessage } from './plan-error';

describe('estimator refusals in the words of the Plan screens', () => {
  it('names the question, never the contract path', () => {
    expect(planErrorMessage('options.owned.hardwareId: NVIDIA Jetson Orin Nano 8GB: the model (16.8 GB) does not fit on one (8 GB)')).toBe('Your own device: NVIDIA Jetson Orin Nano 8GB: the model (16.8 GB) does not fit on one (8 GB)');
    expect(planErrorMessage('workload.options.cloudGpu.usdPerHour: is required: the catalog has no on-demand price for x')).toBe('Rented cloud GPU: is required: the catalog has no on-demand price for x');
    expect(planErrorMessage('pricePerGpuHourUsd: the catalog has no cloud price for jetson-orin-nano')).toBe('Price per GPU-hour: the catalog has no cloud price for jetson-orin-nano');
    expect(planErrorMessage('owned.purchaseUsd must be zero or a positive number, got -1')).toBe('Price of one GPU: must be zero or a positive number, got -1');
    expect(planErrorMessage('usdToProjectCurrency: is required for a EUR project')).toBe('Usd to project currency: is required for a EUR project');
  });

  it('leaves ordinary sentences alone', () => {
    expect(planErrorMessage('Something failed: try again')).toBe('Something failed: try again');
    expect(planErrorMessage('The hardware must be set')).toBe('The hardware must be set');
    expect(planErrorMessage('hardware coral-edge-tpu publishes no compute figure')).toBe('Hardware: coral-edge-tpu publishes no compute figure');
    expect(planError(null)).toBeNull();
    expect(planError({ code: 'INVALID_INPUT', message: 'gpus: must be 1: NVIDIA Jetson has no link' })).toEqual({ code: 'INVALID_INPUT', message: 'Number of GPUs: must be 1: NVIDIA Jetson has no link' });
  });
});

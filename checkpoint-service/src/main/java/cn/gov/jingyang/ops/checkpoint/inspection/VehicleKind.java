package cn.gov.jingyang.ops.checkpoint.inspection;

/** What passed the checkpoint; every kind but PEDESTRIAN is a vehicle with a plate. */
public enum VehicleKind {
  CAR,
  VAN,
  TRUCK,
  BUS,
  MOTORCYCLE,
  OTHER_VEHICLE,
  PEDESTRIAN;

  public boolean isVehicle() {
    return this != PEDESTRIAN;
  }
}

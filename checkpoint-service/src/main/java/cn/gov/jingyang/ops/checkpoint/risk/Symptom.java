package cn.gov.jingyang.ops.checkpoint.risk;

/** Symptoms a checkpoint officer can record for an occupant. */
public enum Symptom {
  FEVER,
  COUGH,
  SHORTNESS_OF_BREATH,
  FATIGUE,
  SORE_THROAT,
  DIARRHOEA,
  LOSS_OF_TASTE_OR_SMELL,
  OTHER
}
